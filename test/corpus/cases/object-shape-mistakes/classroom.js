// Lecture halls: the lecturer's identity carries their name for the support desk; students are listed by alias.
import callstats from 'callstats-js/callstats.min';

const lectureStats = new callstats();

export function startLecturerStats(lecturer, tokenGenerator) {
  lectureStats.initialize('302618845', tokenGenerator, {
    username: lecturer.fullName, // expect: userid-object-shape -- the SDK reads userName; this spelling never reaches the dashboard
    aliasName: lecturer.staffId,
    department: lecturer.department, // expect: userid-object-shape -- not a key of the userID object
  });
}

export function connectStudent(pc, lecture, student) {
  const remote = { userName: student.fullName, aliasName: student.alias };
  lectureStats.addNewFabric(pc, remote, lectureStats.fabricUsage.multiplex, `lecture-${lecture.id}`, { // expect: userid-object-shape -- an object as remoteUserID; pass remote.aliasName
    remoteEndpointType: lectureStats.endpointType.peer,
  });
}

export function mapStudentTracks(pc, lecture, student, ssrcs) {
  for (const ssrc of ssrcs) lectureStats.associateMstWithUserID(pc, student.alias, `lecture-${lecture.id}`, ssrc, 'camera', `student-${student.alias}`);
}

export function studentAsked(pc, lecture, student, question) {
  lectureStats.sendCustomEvent(pc, `lecture-${lecture.id}`, [{ type: 'question', from: student.alias, length: question.length }]);
}

export function endLecture(lecture, connections) {
  for (const pc of connections) {
    lectureStats.sendFabricEvent(pc, lectureStats.fabricEvent.fabricTerminated, `lecture-${lecture.id}`);
    pc.close();
  }
}

export function rateLecture(lecture, lecturer, overall, comment) {
  lectureStats.sendUserFeedback(`lecture-${lecture.id}`, { userID: lecturer.staffId, overall, comment });
}
