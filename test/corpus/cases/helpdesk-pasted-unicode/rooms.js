// Room names of the Swiss help desks, copied from the operations wiki.
export const ZURICH_ROOM = 'helpdesk/Zu\u0308rich-Empfang'; // expect: id-unicode, conference-id-reuse
export const GENEVA_ROOM = '﻿helpdesk/geneve-accueil'; // expect: id-unicode, conference-id-reuse
export const BERN_ROOM = 'helpdesk/Bern Schalter 2'; // ok: id-unicode -- no-break spaces inside the name, not at its ends
export const TEHRAN_ROOM = 'helpdesk/اتاق‌جلسه'; // ok: id-unicode -- the zero-width non-joiner sits between two Persian letters
export const DEV_ROOM = 'helpdesk/team-🧑‍💻-standup'; // ok: id-unicode -- the joiner belongs to the technologist emoji

export const DESK_ROOMS = {
  zurich: ZURICH_ROOM,
  geneva: GENEVA_ROOM,
  bern: BERN_ROOM,
  tehran: TEHRAN_ROOM,
  dev: DEV_ROOM,
};
