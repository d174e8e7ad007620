// The callstats.js SDK model: which methods carry which identifiers, the limits, the known origins.

/** Where an identifier sits in a call: an argument index, optionally a property of that argument. */
export interface IdSlot {
  index: number;
  property?: string;
  kind: 'localUserId' | 'remoteUserId' | 'userId' | 'conferenceId';
}

export interface SdkMethod {
  name: string;
  slots: IdSlot[];
}

const method = (name: string, ...slots: IdSlot[]): SdkMethod => ({ name, slots });

export const SDK_METHODS: ReadonlyMap<string, SdkMethod> = new Map(
  [
    method('initialize', { index: 2, kind: 'localUserId' }),
    method('addNewFabric', { index: 1, kind: 'remoteUserId' }, { index: 3, kind: 'conferenceId' }),
    method('associateMstWithUserID', { index: 1, kind: 'userId' }, { index: 2, kind: 'conferenceId' }),
    method('reportUserIDChange', { index: 2, kind: 'userId' }, { index: 1, kind: 'conferenceId' }),
    method(
      'setIdentifiers',
      { index: 0, property: 'remoteUserID', kind: 'remoteUserId' },
      { index: 0, property: 'conferenceID', kind: 'conferenceId' },
    ),
    method('sendFabricEvent', { index: 2, kind: 'conferenceId' }),
    method('reportError', { index: 1, kind: 'conferenceId' }),
    method('sendUserFeedback', { index: 0, kind: 'conferenceId' }, { index: 1, property: 'userID', kind: 'userId' }),
    method('sendCallDetails', { index: 1, kind: 'conferenceId' }),
    method('sendCustomEvent', { index: 1, kind: 'conferenceId' }),
    method('sendCustomStats', { index: 1, kind: 'conferenceId' }),
    method('on'),
    method('setProxyConfig'),
    method('makePrecallTest'),
    method('startPrecallTests'),
    method('stopPrecallTests'),
    method('getSctResults'),
    method('attachWifiStatsHandler'),
    method('resetWifiStatsHandler'),
    method('getTurnCredentials'),
  ].map((m) => [m.name, m]),
);

/** Instance properties that only an SDK instance has: `x.fabricUsage.multiplex` marks `x` as an instance. */
export const SDK_ENUMS = new Set([
  'fabricUsage',
  'fabricEvent',
  'endpointType',
  'transmissionDirection',
  'userIDType',
  'webRTCFunctions',
  'csError',
  'callStatsAPIReturnStatus',
  'qualityRating',
  'callType',
  'roles',
]);

/** The name of the global factory defined by the script tag. */
export const GLOBAL_FACTORY = 'callstats';

/** npm packages (and their sub-paths) whose export is the factory. */
const SDK_PACKAGES = ['callstats-js', 'callstats-ws-js', 'react-native-callstats', 'callstats'];

export function isSdkModuleSpecifier(specifier: string): boolean {
  return SDK_PACKAGES.some((p) => specifier === p || specifier.startsWith(p + '/'));
}

export const LIMITS = {
  /** The identifier guide: userID and conferenceID, in UTF-8 bytes. */
  idBytes: 256,
  /** Object-form userID fields, in characters. */
  userObjectFieldChars: 128,
} as const;

export const USER_OBJECT_FIELDS = ['userName', 'aliasName', 'loginID'] as const;

/** Client libraries of media servers: a file using them talks to a server, not to peers. */
export const SFU_LIBRARIES = [
  'mediasoup-client',
  'lib-jitsi-meet',
  'janus-gateway',
  'janus-gateway-js',
  'livekit-client',
  'ion-sdk-js',
  'kurento-utils',
  'openvidu-browser',
  '@daily-co/daily-js',
  'twilio-video',
  'simple-peer-sfu',
];

/** Words that make a file worth parsing: the SDK's name and its identifier-carrying methods and enums. */
export const STRONG_WORDS = [
  'callstats',
  'addNewFabric',
  'associateMstWithUserID',
  'reportUserIDChange',
  'setIdentifiers',
  'sendUserFeedback',
  'sendFabricEvent',
  'sendCallDetails',
  'sendCustomStats',
  'sendCustomEvent',
  'fabricUsage',
  'endpointType',
];
