// Attended transfer: the agent consults a colleague on a second line before handing the caller over.
import { Softphone } from './softphone.js';

export class TransferDesk extends Softphone {
  consult(colleague, originalSession) {
    const consultation = this.call(colleague.extension);
    const conferenceID = `consult-${originalSession.request.call_id}`;
    consultation.on('peerconnection', ({ peerconnection }) => {
      // The consultation leg is its own call; the colleague is named the way the supervisor board shows them.
      this.stats.addNewFabric(peerconnection, colleague.displayName, this.stats.fabricUsage.audio, conferenceID); // expect: userid-privacy -- a person's display name as remoteUserID
    });
    return consultation;
  }

  rateCall(conferenceID, score, comment) {
    this.stats.sendUserFeedback(conferenceID, { userID: this.config.agentId, overall: score, comment });
  }
}
