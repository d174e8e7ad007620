export const APP_ID = '630914557';
export const SITE = 'kaigi.example.jp';
export const TENANT = 'acme-jp';
/** Everyone waiting for a meeting to start sits in the lobby call. */
export const LOBBY_ROOM = `${SITE}/ロビー☕`; // expect: conference-id-reuse (known miss: the constant reaches the SDK call through a parameter of watch, which other callers give per-call rooms)
export const ICE_SERVERS: RTCIceServer[] = [{ urls: 'stun:stun.kaigi.example.jp:3478' }];
