import { Injectable } from '@angular/core';

type StatusCallback = (status: string, message: string) => void;

interface CallstatsInstance {
  initialize(appId: string, secret: string, userId: string, cb?: StatusCallback): void;
  addNewFabric(pc: RTCPeerConnection, remoteUserId: string, usage: string, conferenceId: string, attrs?: object): void;
  sendFabricEvent(pc: RTCPeerConnection, event: string, conferenceId: string): void;
  reportError(pc: RTCPeerConnection | null, conferenceId: string, fn: string, error: unknown): void;
  fabricUsage: { multiplex: string };
  fabricEvent: Record<'fabricHold' | 'fabricResume' | 'fabricTerminated', string>;
  endpointType: { peer: string; server: string };
  webRTCFunctions: Record<'createOffer' | 'iceConnectionFailure', string>;
}

declare global {
  interface Window {
    callstats: new () => CallstatsInstance;
  }
}

export enum QueueKind {
  Support = 'support',
  Sales = 'sales',
}

@Injectable({ providedIn: 'root' })
export class CallstatsClient {
  private readonly sdk: CallstatsInstance = new window.callstats();
  private userId?: string;

  constructor() {}

  initialize(appId: string, secret: string, userId: string) {
    this.userId = userId;
    this.sdk.initialize(appId, secret, userId, (status, message) => {
      if (status !== 'success') console.warn(`callstats: ${message}`);
    });
  }

  get activeUserId() {
    return this.userId;
  }

  conferenceIdFor(queue: QueueKind, ticketId: string) {
    return `${queue}/${ticketId}`; // ok: conference-id-reuse -- the ticket id makes it one conference per call
  }

  trackCustomerCall(pc: RTCPeerConnection, customerToken: string, conferenceId: string) {
    this.sdk.addNewFabric(pc, customerToken, this.sdk.fabricUsage.multiplex, conferenceId, {
      remoteEndpointType: this.sdk.endpointType.peer,
    });
  }

  hold(pc: RTCPeerConnection, conferenceId: string, onHold: boolean) {
    this.sdk.sendFabricEvent(pc, onHold ? this.sdk.fabricEvent.fabricHold : this.sdk.fabricEvent.fabricResume, conferenceId);
  }

  failed(pc: RTCPeerConnection, conferenceId: string, error: unknown) {
    this.sdk.reportError(pc, conferenceId, this.sdk.webRTCFunctions.iceConnectionFailure, error);
  }
}
