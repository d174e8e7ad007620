// Rooms and service accounts of the design team, copied from the team wiki into the app's settings.
export const ROOMS = {
  designReview: 'design​review', // expect: id-unicode -- a zero-width space pasted from the wiki between the two words
  standup: 'design-standup',
  critique: 'Design Critique', // ok: id-unicode -- a space inside an ID is fine, only surrounding whitespace is not
};

export const RECORDER_USER_ID = 'recorder-bot '; // expect: id-unicode -- a trailing no-break space from the spreadsheet cell
export const PRESENTER_USER_ID = 'José-presenter'; // ok: id-unicode -- a precomposed é is NFC
