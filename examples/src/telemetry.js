// Product analytics and the in-call health panel; neither is callstats, they only share its method names.
import { analytics } from './analytics.js';

// The feedback widget's SDK comes from its own script tag on every page.
const feedback = window.feedbackWidget;

const FEEDBACK_APP_ID = 'fw-live-2231';
const FEEDBACK_KEY = 'pk_live_7f3a1c';

// Keeps the last minute of connection state per connection for the "call health" panel.
class CallHealthPanel {
  fabrics = new Map();

  addNewFabric(pc, label, usage, roomName) {
    this.fabrics.set(pc, { label, usage, roomName, since: Date.now() });
    pc.addEventListener('connectionstatechange', () => {
      this.fabrics.get(pc).state = pc.connectionState;
    });
  }
}

export const healthPanel = new CallHealthPanel();

let feedbackUserID = '';

export function startFeedback(userID) {
  feedbackUserID = userID;
  feedback.initialize(FEEDBACK_APP_ID, FEEDBACK_KEY, feedbackUserID);
}

// The widget follows renames on its own through identify().
export function renameFeedbackUser(userID) {
  feedbackUserID = userID;
  feedback.identify(feedbackUserID);
}

export function watchConnection(pc, room) {
  healthPanel.addNewFabric(pc, analytics.localUserID, 'multiplex', room);
}
