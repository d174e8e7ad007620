// The local participant as the app models it: IDs are computed from the session, through getters and methods.
export class LocalParticipant {
  #session;

  constructor(session) {
    this.#session = session;
  }

  get id() {
    return `u-${this.#session.accountId}`;
  }

  get deviceLabel() {
    return this.#session.device?.label ?? 'unknown device';
  }

  conferenceIdFor(meeting) {
    return `${meeting.tenant}/${meeting.slug}/${meeting.startedAt}`;
  }
}

export class RemoteParticipant {
  constructor(descriptor) {
    this.descriptor = descriptor;
  }

  get userId() {
    return this.descriptor.userId || `anonymous-${this.descriptor.connectionId}`;
  }
}
