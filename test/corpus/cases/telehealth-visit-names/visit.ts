import callstats from 'callstats-js/callstats.min';

interface Person {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
}

interface Clinician {
  staffId: string;
  fullName: string;
  lastName: string;
  specialty: string;
}

interface Visit {
  id: string;
  clinicId: string;
  patient: Person;
  clinician: Clinician;
}

const APP_ID = '640028115';

async function statsToken(visit: Visit): Promise<string> {
  const response = await fetch(`/api/visits/${visit.id}/callstats-token`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`token: HTTP ${response.status}`);
  return response.text();
}

function visitConferenceId(visit: Visit): string {
  return `clinic-${visit.clinicId}/visit-${visit.id}`;
}

// Patient side: opened from the link in the appointment e-mail.
export async function startPatientVisit(visit: Visit, pc: RTCPeerConnection): Promise<void> {
  const cs = new callstats();
  const token = await statsToken(visit);
  const patientKey = `${visit.patient.lastName}-${visit.patient.firstName}-${visit.patient.dateOfBirth}`.toLowerCase();
  cs.initialize(APP_ID, () => token, patientKey); // expect: userid-privacy
  cs.addNewFabric(pc, `dr-${visit.clinician.lastName}`, cs.fabricUsage.multiplex, visitConferenceId(visit)); // expect: userid-privacy
  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') {
      cs.reportError(pc, visitConferenceId(visit), cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
    }
  });
}

// Clinician side: the object form keeps the clinician's name for support staff, the staff id is the alias.
export async function startClinicianVisit(visit: Visit, pc: RTCPeerConnection): Promise<() => void> {
  const cs = new callstats();
  const token = await statsToken(visit);
  const conferenceID = visitConferenceId(visit);
  cs.initialize(APP_ID, () => token, {
    userName: visit.clinician.fullName, // ok: userid-privacy -- userName is where the real name belongs
    aliasName: visit.clinician.staffId,
  });
  cs.addNewFabric(pc, visit.patient.lastName + ', ' + visit.patient.firstName, cs.fabricUsage.multiplex, conferenceID); // expect: userid-privacy
  return () => {
    cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, conferenceID);
    cs.sendUserFeedback(conferenceID, { userID: visit.clinician.staffId, overall: 5 });
  };
}
