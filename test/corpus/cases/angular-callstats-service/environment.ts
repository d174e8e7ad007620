// Build-time settings of the web app.
export const environment = {
  production: true,
  callstatsAppId: '382205119',
};
