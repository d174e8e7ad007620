// The mesh page's signalling socket: presence, offers, answers and ICE candidates between peers.
import { io } from 'socket.io-client';
import { SIGNALLING_URL } from './config.js';
import { analytics } from './analytics.js';

export const socket = io(SIGNALLING_URL, { transports: ['websocket'] });

// The server routes messages by socket id, so it doubles as our userID; it is new after every reconnect.
socket.on('connect', () => analytics.start(socket.id!));
