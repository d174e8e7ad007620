// Token-authenticated callstats for the clinic's waiting room: the token comes from the backend once the patient checks in.
import callstats from 'callstats-js/callstats.min';

const APP_ID = '463390851';
export const stats = new callstats();

stats.on('recommendedConfig', (config) => console.info('callstats recommends', config));

export function checkIn(patient, visit, pc) {
  fetch(`/api/visits/${visit.id}/callstats-token`, { method: 'POST' })
    .then((response) => response.text())
    .then((token) => stats.initialize(APP_ID, (forceNew, callback) => callback(null, token), patient.portalId));
  stats.addNewFabric(pc, visit.clinicianId, stats.fabricUsage.multiplex, `visit-${visit.id}`); // expect: api-before-initialize -- runs right away, initialize() waits for the token
}
