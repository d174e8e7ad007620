// Follow-up video visits are billed to the telehealth app; its instance waits for the token before any fabric.
import callstats from 'callstats-js/callstats.min';

const FOLLOW_UP_APP_ID = '463390877';
const followUpStats = new callstats();

export async function startFollowUp(patient, visit, pc) {
  const response = await fetch(`/api/visits/${visit.id}/callstats-token?app=follow-up`, { method: 'POST' });
  if (!response.ok) throw new Error(`no callstats token for visit ${visit.id}`);
  const token = await response.text();
  followUpStats.initialize(FOLLOW_UP_APP_ID, (forceNew, callback) => callback(null, token), patient.portalId);
  followUpStats.addNewFabric(pc, visit.clinicianId, followUpStats.fabricUsage.multiplex, `follow-up-${visit.id}`); // ok: api-before-initialize -- initialize() ran just before, after the awaits
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'closed') followUpStats.sendFabricEvent(pc, followUpStats.fabricEvent.fabricTerminated, `follow-up-${visit.id}`);
  });
}
