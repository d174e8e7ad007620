// Network-quality banner: reports ICE failures and quality drops of the active call to callstats.
import callstats from 'callstats-js/callstats.min';

// A second instance, made here so the banner does not import the app's stats module.
const quality = new callstats(); // expect: api-before-initialize -- never initialized, so every report below is dropped

export function watchConnection(pc, room) {
  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') {
      quality.reportError(pc, room.conferenceID, quality.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
      showBanner('Connection lost, reconnecting…');
    }
  });
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'connected') hideBanner();
  });
}

export function reportLowBandwidth(pc, room, kbps) {
  quality.sendCustomEvent(pc, room.conferenceID, [{ type: 'lowBandwidth', kbps }]);
  showBanner(`Your connection is slow (${kbps} kbps): video is paused.`);
}

function showBanner(text) {
  const banner = document.getElementById('network-banner');
  banner.textContent = text;
  banner.hidden = false;
}

function hideBanner() {
  document.getElementById('network-banner').hidden = true;
}
