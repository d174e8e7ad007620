// The mesh page's callstats wrapper: starts the SDK and remembers the userID the other peers know us by.
import { csObject, onStatsReady } from './stats.js';
import { APP_ID, APP_SECRET } from './config.js';

export class CallAnalytics {
  private readonly backend = csObject;
  private started = false;
  localUserID = '';

  // Called from every socket 'connect'; the SDK must only be initialized once per page.
  start(userID: string): void {
    // expect: reinit-on-userid-change
    if (this.started) return;
    this.localUserID = userID;
    this.backend.initialize(APP_ID, APP_SECRET, this.localUserID, onStatsReady);
    this.started = true;
  }
}

export const analytics = new CallAnalytics();
