// Webinar attendee page: callstats comes from the script tag in index.html, declared for TypeScript in globals.d.ts.
declare var callstats: any;

interface Attendee {
  id: string;
  email: string;
  company: string;
}

const APP_ID = '651209384';
const WEBINAR_ROOM = 'Quarterly-Review'; // expect: conference-id-reuse -- every quarter's webinar lands in one conference
const csio = new callstats();

function tokenFor(attendee: Attendee) {
  return (forceNew: boolean, done: (error: Error | null, token?: string) => void) => {
    fetch(`/webinar/token?attendee=${encodeURIComponent(attendee.id)}&forceNew=${forceNew}`)
      .then((response) => response.text())
      .then((token) => done(null, token), (error: Error) => done(error));
  };
}

export function joinWebinar(attendee: Attendee, stream: MediaStream, hostUserId: string): RTCPeerConnection {
  // Registration is by e-mail, so that is what the support team searches for.
  csio.initialize(APP_ID, tokenFor(attendee), attendee.email); // expect: userid-privacy -- the attendee's e-mail address as the userID
  const pc = new RTCPeerConnection();
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));
  csio.addNewFabric(pc, hostUserId, csio.fabricUsage.multiplex, WEBINAR_ROOM);
  return pc;
}

export function raiseHand(pc: RTCPeerConnection, attendee: Attendee): void {
  csio.sendCustomEvent(pc, 'quarterly-review', [{ type: 'raiseHand', attendee: attendee.id }]); // expect: id-case-collision, conference-id-reuse -- the same fixed room in other letter case
}
