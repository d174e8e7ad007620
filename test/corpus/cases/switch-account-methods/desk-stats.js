// Help-desk console: an agent can switch between their own account and a shared team account
// without leaving the call queue page.
import callstats from 'callstats-js/callstats.min';

export class DeskStats {
  constructor(sdk, appId, appSecret, agent) {
    this.sdk = sdk;
    this.appId = appId;
    this.appSecret = appSecret;
    this.pc = null;
    this.conferenceId = null;
    this.sdk.initialize(appId, appSecret, agent.statsId, (status, message) => {
      if (status !== 'success') console.error('callstats:', message);
    });
  }

  attach(pc, customerId, ticketId) {
    this.pc = pc;
    this.conferenceId = `desk-ticket-${ticketId}`;
    this.sdk.addNewFabric(pc, customerId, this.sdk.fabricUsage.multiplex, this.conferenceId);
  }

  switchAccount(account) {
    if (!this.pc) return;
    this.sdk.reportUserIDChange(this.pc, this.conferenceId, account.statsId, this.sdk.userIDType.local); // expect: reinit-on-userid-change:error, removed-api
  }

  hangUp() {
    if (!this.pc) return;
    this.sdk.sendFabricEvent(this.pc, this.sdk.fabricEvent.fabricTerminated, this.conferenceId);
    this.pc = null;
  }
}

export function createDeskStats(agent) {
  return new DeskStats(new callstats(), '802114563', 'desk-app-secret', agent);
}
