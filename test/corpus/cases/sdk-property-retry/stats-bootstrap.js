// Starts callstats for the kiosk app, retrying with backoff when the collector is unreachable at boot.
import callstats from 'callstats-js/callstats.min';

const APP_ID = '629014553';
const MAX_ATTEMPTS = 5;

export const sdk = new callstats();

function deviceUserId(device) {
  return `kiosk-${device.serial}`;
}

export function bootStats(device, tokenGenerator) {
  let attempt = 0;
  const onInit = (status, message) => {
    if (status === 'success') return;
    attempt += 1;
    if (attempt >= MAX_ATTEMPTS) {
      console.error(`callstats gave up after ${attempt} attempts: ${message}`);
      return;
    }
    // Retry with the ID the SDK was started with.
    setTimeout(() => sdk.initialize(APP_ID, tokenGenerator, sdk.userID, onInit), 1000 * 2 ** attempt); // expect: id-empty -- nothing ever sets sdk.userID; the retry initializes with undefined
  };
  sdk.initialize(APP_ID, tokenGenerator, deviceUserId(device), onInit);
}

export function trackLobbyCall(pc, attendant, lobby) {
  sdk.addNewFabric(pc, attendant.userId, sdk.fabricUsage.multiplex, `lobby-${lobby.id}-${lobby.callNumber}`, {
    remoteEndpointType: sdk.endpointType.peer,
  });
}
