// Screen sharing runs on a connection of its own; its identity object is built once per share.
import callstats from 'callstats-js/callstats.min';

const screenStats = new callstats();
const SHARE_SERVER_ID = 'screenshare-sfu';

class ShareTarget {
  kind = 'screen';

  constructor(meeting) {
    this.conferenceID = `${meeting.tenant}/${meeting.slug}/${meeting.startedAt}`;
  }

  get mediaServer() {
    return this.kind === 'screen' ? SHARE_SERVER_ID : `${this.kind}-sfu`;
  }
}

export function startShareStats(account, tokenGenerator) {
  const identity = {
    account,
    get alias() {
      return `share-${this.account.id}`;
    },
  };
  screenStats.initialize('174450982', tokenGenerator, identity.alias); // ok: id-empty -- a getter of the object literal, always a string
}

export function shareScreen(pc, meeting) {
  const target = new ShareTarget(meeting);
  screenStats.addNewFabric(pc, target.mediaServer, screenStats.fabricUsage.screen, target.conferenceID, { // ok: id-empty, remote-userid-topology -- a class getter naming the share server, and a field the constructor sets
    remoteEndpointType: screenStats.endpointType.server,
    fabricTransmissionDirection: screenStats.transmissionDirection.sendonly,
  });
}
