// The reception kiosk page: a shared lobby device in the Tokyo office that joins the bridge under a fixed ID.
import { csObject, onStatsReady } from './stats.js';
import { APP_ID, APP_SECRET } from './config.js';
import { joinBridge } from './bridge.js';

// Facilities wanted the full location on the dashboard, so it went into the userID.
// expect: id-max-bytes
const KIOSK_USER_ID = '株式会社みなと商事 東京本社 千代田区丸の内二丁目七番二号 みなとタワー二十三階 総合受付ロビー 来客対応ビデオ通話キオスク端末 一号機 施設管理部総務課管理 二〇二四年四月設置 常設型 壁掛け式';

export async function startKiosk(room, jingle) {
  csObject.initialize(APP_ID, APP_SECRET, KIOSK_USER_ID, onStatsReady);
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { facingMode: 'user' } });
  return joinBridge(room, stream, KIOSK_USER_ID, jingle);
}
