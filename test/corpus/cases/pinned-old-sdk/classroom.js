// Virtual classroom: the teacher's page calls every student directly and reports the calls to callstats.
import callstats from 'callstats-js';

const APP_ID = '517730462';
const cs = new callstats();

export function startTeacherStats(teacher, tokenGenerator) {
  // The support desk wants to see the teacher's name next to the alias.
  cs.initialize(APP_ID, tokenGenerator, { userName: teacher.displayName, aliasName: teacher.id }); // expect: userid-object-shape:error -- the object form needs callstats.js 3.14, package.json pins 3.12
}

export function callStudent(lesson, student, stream) {
  const pc = new RTCPeerConnection({ iceServers: lesson.iceServers });
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));
  cs.addNewFabric(pc, student.id, cs.fabricUsage.multiplex, `lesson-${lesson.id}`);
  return pc;
}

// Students who reconnect from another device come back with a new id; keep their connection's stats together.
export function studentReconnected(lesson, pc, student) {
  cs.reportUserIDChange(pc, `lesson-${lesson.id}`, student.id, cs.userIDType.remote); // expect: removed-api -- works on 3.12 but is gone from 3.64 on; setIdentifiers({ remoteUserID }) is the replacement
}

export function endLesson(lesson, connections) {
  for (const pc of connections) cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, `lesson-${lesson.id}`);
}

// A student's own page on the same SDK: the string form is what 3.12 understands.
export function startStudentStats(student, tokenGenerator) {
  cs.initialize(APP_ID, tokenGenerator, student.id, (status, message) => {
    if (status !== 'success') console.warn(`callstats: ${message}`);
  });
}

export function answerTeacher(lesson, teacher, pc) {
  cs.addNewFabric(pc, teacher.id, cs.fabricUsage.multiplex, `lesson-${lesson.id}`);
  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') cs.reportError(pc, `lesson-${lesson.id}`, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
  });
}
