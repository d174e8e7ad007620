// Telehealth visit page: the SDK is loaded by a script tag the clinic's CMS injects, so TypeScript only sees it through window.
interface Clinician {
  staffId: string;
  fullName: string;
}

interface Visit {
  id: string;
  patientPortalId: string;
}

const APP_ID = '830045127';

function sdk(): any {
  const factory = (window as any).callstats;
  if (typeof factory !== 'function') throw new Error('callstats.js is not loaded on this page');
  return new factory();
}

const csio = sdk();

export function startVisitStats(clinician: Clinician, tokenGenerator: (forceNew: boolean, cb: (e: Error | null, t?: string) => void) => void): void {
  const who = clinician.fullName;
  csio.initialize(APP_ID, tokenGenerator, who); // expect: userid-privacy -- the clinician's full name, through a local
}

export function connectPatient(visit: Visit, pc: RTCPeerConnection): void {
  csio.addNewFabric(pc, visit.patientPortalId, csio.fabricUsage.multiplex, `visit-${visit.id}`, {
    remoteEndpointType: csio.endpointType.peer,
  });
}

// Handover to the clinician taking the next shift, without ending the visit.
export function handOver(visit: Visit, pc: RTCPeerConnection, next: Clinician): void {
  csio.reportUserIDChange(pc, `visit-${visit.id}`, next.staffId, csio.userIDType.local); // expect: reinit-on-userid-change:error, removed-api -- the local user changes; only initialize() can say so, and the method is gone
}
