// Customer calls taken from the support queue; each call is its own conference named by the queue's ticket.
import { identity, stats } from './identity';

export interface Ticket {
  number: number;
  customerUserId: string;
}

export function answer(ticket: Ticket, pc: RTCPeerConnection): void {
  const conferenceID = `Support-Ticket-${ticket.number}`;
  stats.addNewFabric(pc, ticket.customerUserId, stats.fabricUsage.multiplex, conferenceID, { remoteEndpointType: stats.endpointType.peer });
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'failed') stats.reportError(pc, conferenceID, stats.webRTCFunctions.iceConnectionFailure, new Error('call failed'));
  });
}

export function escalate(ticket: Ticket, supervisorPc: RTCPeerConnection, supervisorUserId: string): void {
  // The supervisor joins the same ticket's conference on a connection of their own.
  stats.addNewFabric(supervisorPc, supervisorUserId, stats.fabricUsage.multiplex, `support-ticket-${ticket.number}`, { remoteEndpointType: stats.endpointType.peer }); // expect: id-case-collision -- Support-Ticket- and support-ticket- name two conferences
}

export function rate(ticket: Ticket, overall: number): void {
  stats.sendUserFeedback(`Support-Ticket-${ticket.number}`, { userID: identity.userID, overall });
}
