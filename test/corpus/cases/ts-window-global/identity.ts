// The support console's callstats identity: agents start as a shared kiosk ID and pick their own after badge login.
declare global {
  interface Window {
    callstats: any;
  }
}

export interface Agent {
  badgeId: string;
  team: string;
}

const APP_ID = '275530918';
const KIOSK_USER = 'kiosk-frontdesk-2';

export const stats = new window.callstats();
export const identity = { userID: KIOSK_USER };

export function startConsoleStats(secret: string): void {
  stats.initialize(APP_ID, secret, identity.userID, (status: string, message: string) => {
    if (status !== 'success') console.warn('callstats:', message);
  });
}

// Called by the badge reader once an agent has logged in at the desk.
export function setLocalUserID(agent: Agent): void {
  identity.userID = `agent-${agent.badgeId}`; // expect: reinit-on-userid-change:error -- the new ID is stored where initialize() read it, initialize() is not called again
}
