import callstats from 'npm:callstats-js@3.73.16/callstats.min';
import * as config from './config.ts';

const SITE = 'kaigi.example.jp';
const KICKOFF = '🚀2027年度上期全社キックオフ・営業本部・開発本部・管理本部・人事本部合同会議・東京大阪名古屋福岡札幌仙台広島那覇拠点同時接続・録画あり・英語同時通訳🎉';
const RETRO = '🔁振り返り会・第三四半期・プラットフォーム基盤開発部とモバイルアプリ開発部とデータ分析基盤チームと品質保証チームとSRE室の合同レトロスペクティブ・全員参加・必須🙏';

export interface Member {
  id: string;
  nickname: string;
}

const cs = new callstats();

export function startStats(member: Member, tokenGenerator: (forceNew: boolean, cb: (err: unknown, token?: string) => void) => void): void {
  cs.initialize(config.APP_ID, tokenGenerator, `${config.TENANT}:${member.id}`, (status: string, message: string) => {
    if (status !== 'success') console.warn(`callstats: ${message}`);
  });
}

/** 243 bytes of UTF-8 before the date, 253 with it. */
export function kickoffConferenceId(date: string): string {
  return `${SITE}/${KICKOFF}/${date}`; // ok: id-max-bytes -- 253 bytes with a YYYY-MM-DD date, under 256
}

/** 260 bytes of UTF-8 before the date is even added. */
export function retroConferenceId(date: string): string {
  return `${SITE}/${RETRO}/${date}`; // expect: id-max-bytes
}

export function roomConferenceId(roomName: string): string {
  return `${config.SITE}/会議室/${roomName.normalize('NFC')}`;
}

export function watch(pc: RTCPeerConnection, peerId: string, conferenceID: string): void {
  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: cs.endpointType.peer,
  });
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'failed') {
      cs.reportError(pc, conferenceID, cs.webRTCFunctions.iceConnectionFailure, new Error(`接続失敗: ${peerId}`));
    }
  });
}

export function joinLobby(pc: RTCPeerConnection, peerId: string): void {
  watch(pc, peerId, config.LOBBY_ROOM);
}

export function joinKickoff(pc: RTCPeerConnection, peerId: string, date: string): void {
  watch(pc, peerId, kickoffConferenceId(date));
}

export function joinRetro(pc: RTCPeerConnection, peerId: string, date: string): void {
  watch(pc, peerId, retroConferenceId(date));
}

export function joinRoom(pc: RTCPeerConnection, peerId: string, roomName: string): void {
  watch(pc, peerId, roomConferenceId(roomName));
}

export function leave(pc: RTCPeerConnection, conferenceID: string): void {
  cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, conferenceID);
  pc.close();
}
