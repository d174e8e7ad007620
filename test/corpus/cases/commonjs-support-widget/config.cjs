// Settings baked into the widget bundle.
'use strict';

function tokenGenerator(forceNew, callback) {
  const request = new XMLHttpRequest();
  request.open('POST', '/widget/callstats-token');
  request.onload = () => (request.status === 200 ? callback(null, request.responseText) : callback(new Error(String(request.status))));
  request.onerror = () => callback(new Error('network error'));
  request.send(JSON.stringify({ forceNew }));
}

module.exports = {
  appId: '190284476',
  tokenGenerator,
  supportConference: 'support-widget-call', // expect: conference-id-reuse -- every visitor's call with every agent is one conference
};
