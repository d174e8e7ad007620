// Meeting rooms of the Japanese sales organisation: room and device names are written in Japanese, as staff see them.
import callstats from 'callstats-js/callstats.min';

const APP_ID = '998120473';
const ROOM_PREFIX = 'https://meet.example.jp/rooms/';
// Each part fits; the occurrence's full ID does not: 30 + 222 + at least 7 bytes.
const SALES_SERIES = '営業本部第二営業部法人営業課関東エリア担当チーム定例会議およびカスタマーサクセス部門合同懇親会と四半期業績レビューならびに来期計画の共有と質疑応答会';
const KICKOFF_SERIES = '全社キックオフ二〇二五年度上期方針説明会'; // ok: id-max-bytes -- 60 bytes, and 90 with the prefix
// The front desk's shared conference terminal signs in under its asset label.
const FRONT_DESK_TERMINAL = '大阪支店営業二課課長代理専用の会議端末予備機（十二階東側会議室）テレビ会議端末-01-予備機'; // expect: id-max-bytes:error -- 130 bytes of UTF-8 (46 characters), over the configured 128

const cs = new callstats();

export function startTerminalStats(tokenGenerator) {
  cs.initialize(APP_ID, tokenGenerator, FRONT_DESK_TERMINAL);
}

export function startStaffStats(staff, tokenGenerator) {
  cs.initialize(APP_ID, tokenGenerator, `staff-${staff.employeeNumber}`);
}

export function joinSalesMeeting(pc, occurrence, remoteUserId) {
  const conferenceID = `${ROOM_PREFIX}${SALES_SERIES}/第${occurrence.number}回`; // expect: id-max-bytes:error -- at least 259 bytes whatever the occurrence number
  cs.addNewFabric(pc, remoteUserId, cs.fabricUsage.multiplex, conferenceID, { remoteEndpointType: cs.endpointType.peer });
}

export function joinKickoff(pc, session, remoteUserId) {
  cs.addNewFabric(pc, remoteUserId, cs.fabricUsage.multiplex, `${ROOM_PREFIX}${KICKOFF_SERIES}/${session.date}`, { remoteEndpointType: cs.endpointType.peer });
}

// Ad-hoc rooms use the calendar's room id, except for the recurring sales series, which is named.
export function joinCalendarEvent(pc, event, remoteUserId) {
  const conferenceID = event.seriesId === 'sales-weekly' ? `${ROOM_PREFIX}${SALES_SERIES}/第${event.occurrence}回` : `${ROOM_PREFIX}${event.roomId}`; // expect: id-max-bytes:warn -- over the limit on the series branch only
  cs.addNewFabric(pc, remoteUserId, cs.fabricUsage.multiplex, conferenceID, { remoteEndpointType: cs.endpointType.peer });
}
