// The support widget's callstats module (CommonJS, bundled with browserify into the embeddable widget).
'use strict';

const callstats = require('callstats-js/callstats.min');
const config = require('./config.cjs');

const client = new callstats();
let started = false;

function start(visitorId) {
  client.initialize(config.appId, config.tokenGenerator, visitorId, (status, message) => {
    started = status === 'success';
    if (!started) console.warn('[support-widget] callstats:', message);
  });
}

function trackAgentCall(pc, agentId) {
  client.addNewFabric(pc, agentId, client.fabricUsage.multiplex, config.supportConference, {
    remoteEndpointType: client.endpointType.peer,
  });
}

function callEnded(pc) {
  client.sendFabricEvent(pc, client.fabricEvent.fabricTerminated, config.supportConference);
}

module.exports = { start, trackAgentCall, callEnded, isStarted: () => started };
