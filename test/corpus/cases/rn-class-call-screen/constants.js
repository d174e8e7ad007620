export const CALLSTATS_APP_ID = '314159265';
export const CALLSTATS_SECRET = 'rn-app-secret-9c2e';
