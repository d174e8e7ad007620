// Study-group page: signs the student in to callstats, then hands the SDK to the call manager.
import callstats from 'callstats-js/callstats.min';
import { io } from 'socket.io-client';
import { CallManager } from './call-manager.js';

export function boot(student, tokenGenerator) {
  const stats = new callstats();
  stats.initialize('366801729', tokenGenerator, student.userId, (status, message) => {
    if (status !== 'success') console.warn('callstats:', message);
  });
  const socket = io('/study-groups', { auth: { token: student.sessionToken } });
  return new CallManager(stats, socket, { userId: student.userId });
}
