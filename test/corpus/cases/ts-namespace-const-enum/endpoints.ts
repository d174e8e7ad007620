// Endpoint and room names shared by the web client and the bridge's configuration.
export namespace Endpoints {
  export const BRIDGE = 'sfu-eu-west-1';
  export const RECORDER = 'recorder';
}

export const enum Rooms {
  AllHands = 'all-hands', // expect: conference-id-reuse -- a const enum member is one constant for every call
  Support = 'support-desk',
}

export const enum Usage {
  Camera = 'camera',
  Screen = 'screen',
}
