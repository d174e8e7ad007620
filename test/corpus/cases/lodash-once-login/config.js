export const config = {
  apiBase: 'https://api.helpdesk.example',
  callstats: {
    appId: '271828182',
    appSecret: 'hd-prod-5f0c2b7e',
  },
};
