// Display names of the clinic, shared by the kiosk UI and the call setup.
export const TENANT = '医療法人社団さくら会';
export const SITE = '東京都世田谷区 さくら総合クリニック 二子玉川駅前分院';
export const KIOSK_LOCATION = '本館三階 小児科・皮膚科 共用待合室前 自動受付機コーナー（エレベーター横）';
export const KIOSK_NO = '03';
export const DESK = 'オンライン診療 内科・小児科・皮膚科・耳鼻咽喉科 共通受付窓口（平日夜間・土日祝日）';
export const VIDEO_ROOM = 'ビデオ診察室 🩺';
