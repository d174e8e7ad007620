// Code examples taken from the rule pages (docs/rules/<id>.md, Incorrect and Correct code) with what each rule reports on them: the cases of eslint-rules.test.ts.
// Positions are ESLint's as RuleTester checks them (1-based lines and columns, UTF-16 code units, end exclusive); `output` is the text with every safe fix applied once.

export interface ExpectedSuggestion {
  desc: string;
  output: string;
}

export interface ExpectedError {
  messageId: string;
  data: Record<string, string | number>;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions?: ExpectedSuggestion[];
}

export interface RuleCases {
  valid: string[];
  invalid: { code: string; output?: string; errors: ExpectedError[] }[];
}

export const CASES: Record<string, RuleCases> = {
  "api-before-initialize": {
    valid: [
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n",
      "const cs = new callstats();\n\nexport async function startCall(pc, user) {\n  const token = await fetch('/api/callstats-token').then((response) => response.text());\n  cs.initialize('381956532', () => token, user.id);\n  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n}\n",
      "const cs = new callstats();\ncs.on('preCallTestResults', (status, results) => console.log(status, results));\ncs.initialize('381956532', 'app-secret', 'alice');\n\nexport function onIncomingCall(pc, peerId, room) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room);\n}\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\ncs.initialize('381956532', 'app-secret', 'alice');\n",
        errors: [
          {
            messageId: "laterInSequence",
            data: {
              method: "addNewFabric"
            },
            line: 3,
            column: 4,
            endLine: 3,
            endColumn: 16
          }
        ]
      },
      {
        code: "const cs = new callstats();\n\nexport function startCall(pc, user) {\n  fetch('/api/callstats-token')\n    .then((response) => response.text())\n    .then((token) => cs.initialize('381956532', () => token, user.id));\n  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n}\n",
        errors: [
          {
            messageId: "laterInCallback",
            data: {
              method: "addNewFabric"
            },
            line: 7,
            column: 6,
            endLine: 7,
            endColumn: 18
          }
        ]
      },
      {
        code: "import callstats from 'callstats-js';\n\nconst cs = new callstats();\n\nexport function reportFailure(pc, conferenceID, error) {\n  cs.reportError(pc, conferenceID, cs.webRTCFunctions.iceConnectionFailure, error);\n}\n",
        errors: [
          {
            messageId: "never",
            data: {
              method: "reportError()"
            },
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 27
          }
        ]
      }
    ]
  },
  "conference-id-consistency": {
    valid: [
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst ROOM_PREFIX = 'meet.example.com/';\n\nexport function callPeer(room, peerId) {\n  const conferenceID = ROOM_PREFIX + room;\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceID);\n  pc.addEventListener('iceconnectionstatechange', () => {\n    if (pc.iceConnectionState === 'failed') {\n      cs.reportError(pc, conferenceID, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));\n    }\n  });\n}\n",
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, '');\n\nexport function onRoomAssigned(roomId) {\n  cs.setIdentifiers({ conferenceID: roomId }, pc);\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricResume, roomId);\n}\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst ROOM_PREFIX = 'meet.example.com/';\n\nexport function callPeer(room, peerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, ROOM_PREFIX + room);\n  pc.addEventListener('iceconnectionstatechange', () => {\n    if (pc.iceConnectionState === 'failed') {\n      cs.reportError(pc, room, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));\n    }\n  });\n}\n",
        errors: [
          {
            messageId: "different",
            data: {
              method: "reportError",
              value: "`room`",
              fabric: "`ROOM_PREFIX + room`"
            },
            line: 10,
            column: 26,
            endLine: 10,
            endColumn: 30,
            suggestions: [
              {
                desc: "Use the conferenceID of addNewFabric()",
                output: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst ROOM_PREFIX = 'meet.example.com/';\n\nexport function callPeer(room, peerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, ROOM_PREFIX + room);\n  pc.addEventListener('iceconnectionstatechange', () => {\n    if (pc.iceConnectionState === 'failed') {\n      cs.reportError(pc, ROOM_PREFIX + room, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));\n    }\n  });\n}\n"
              }
            ]
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n\nexport function mute() {\n  cs.sendFabricEvent(pc, cs.fabricEvent.audioMute, 'room42');\n}\n",
        errors: [
          {
            messageId: "different",
            data: {
              method: "sendFabricEvent",
              value: "\"room42\"",
              fabric: "\"room-42\""
            },
            line: 7,
            column: 52,
            endLine: 7,
            endColumn: 60,
            suggestions: [
              {
                desc: "Use the conferenceID of addNewFabric()",
                output: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n\nexport function mute() {\n  cs.sendFabricEvent(pc, cs.fabricEvent.audioMute, 'room-42');\n}\n"
              }
            ]
          }
        ]
      }
    ]
  },
  "conference-id-reuse": {
    valid: [
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'agent-7');\n\nexport function joinRoom(room, peerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, 'meet.example.com/' + room.id);\n}\n",
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'agent-7');\n\nexport function startCall(customerId, signalling) {\n  const conferenceID = `${Date.now()}-${Math.random().toString(36).slice(2)}`;\n  signalling.send({ type: 'invite', to: customerId, conferenceID });\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, customerId, cs.fabricUsage.multiplex, conferenceID);\n}\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\nconst CONFERENCE_ID = 'support-call';\ncs.initialize('381956532', 'app-secret', 'agent-7');\n\nexport function callCustomer(customerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, customerId, cs.fabricUsage.multiplex, CONFERENCE_ID);\n}\n",
        errors: [
          {
            messageId: "constant",
            data: {
              label: "conferenceID",
              value: "\"support-call\""
            },
            line: 2,
            column: 23,
            endLine: 2,
            endColumn: 37
          }
        ]
      },
      {
        code: "const cs = new callstats();\nconst CALL_ID = `${Date.now()}-${Math.random().toString(36).slice(2)}`;\ncs.initialize('381956532', 'app-secret', 'agent-7');\n\nexport function callCustomer(customerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, customerId, cs.fabricUsage.multiplex, CALL_ID);\n}\n",
        errors: [
          {
            messageId: "once",
            data: {
              label: "conferenceID",
              source: "Date.now()"
            },
            line: 2,
            column: 17,
            endLine: 2,
            endColumn: 71
          }
        ]
      }
    ]
  },
  "id-case-collision": {
    valid: [
      "const cs = new callstats();\nconst SUPPORT_ROOM = 'meet.example.com/support';\ncs.initialize('381956532', 'app-secret', 'customer-7');\n\nexport function joinRoom(pc) {\n  cs.addNewFabric(pc, 'agent-3', cs.fabricUsage.multiplex, SUPPORT_ROOM);\n}\n\nexport function holdRoom(pc) {\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, SUPPORT_ROOM);\n}\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'customer-7');\n\nexport function joinRoom(pc) {\n  cs.addNewFabric(pc, 'agent-3', cs.fabricUsage.multiplex, 'meet.example.com/Support');\n}\n\nexport function holdRoom(pc) {\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, 'meet.example.com/support');\n}\n",
        errors: [
          {
            messageId: "conferenceId",
            data: {
              label: "conferenceID",
              value: "\"meet.example.com/support\"",
              other: "\"meet.example.com/Support\""
            },
            line: 9,
            column: 53,
            endLine: 9,
            endColumn: 79
          }
        ]
      }
    ]
  },
  "id-empty": {
    valid: [
      "const cs = new callstats();\n\nexport function startStats(session) {\n  cs.initialize('381956532', 'app-secret', session.profile?.id ?? `guest-${crypto.randomUUID()}`);\n}\n\nexport function callPeer(room, peerId) {\n  if (!peerId) return;\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room);\n}\n",
      "const cs = new callstats();\nlet conferenceId = null;\n\nexport function join(room, peerId) {\n  conferenceId = room.id;\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceId);\n}\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\n\nfunction callPeer(room, peerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room);\n}\n\ncallPeer('meet.example.com/standup');\n",
        errors: [
          {
            messageId: "omittedArgument",
            data: {
              label: "remoteUserID",
              value: "undefined",
              fn: "callPeer"
            },
            line: 6,
            column: 23,
            endLine: 6,
            endColumn: 29
          }
        ]
      },
      {
        code: "const cs = new callstats();\n\nexport function startStats(session) {\n  cs.initialize('381956532', 'app-secret', session.profile?.id);\n}\n",
        errors: [
          {
            messageId: "optionalChain",
            data: {
              label: "userID",
              value: "undefined",
              text: "session.profile?.id"
            },
            line: 4,
            column: 44,
            endLine: 4,
            endColumn: 63
          }
        ]
      },
      {
        code: "const cs = new callstats();\nconst settings = { room: 'meet.example.com/standup' };\nconst { conferenceId } = settings;\n\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, conferenceId);\n",
        errors: [
          {
            messageId: "missingProperty",
            data: {
              label: "conferenceID",
              value: "undefined",
              name: "conferenceId"
            },
            line: 6,
            column: 54,
            endLine: 6,
            endColumn: 66
          }
        ]
      }
    ]
  },
  "id-max-bytes": {
    valid: [
      "const cs = new callstats();\nconst userID = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';\nconst conferenceID = 'meet.example.com/standup';\n\ncs.initialize('381956532', 'app-secret', userID);\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, conferenceID);\n",
      "const cs = new callstats();\n\nasync function sha1Hex(text) {\n  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));\n  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');\n}\n\nasync function start(profile, roomName) {\n  cs.initialize('381956532', 'app-secret', { userName: profile.displayName, aliasName: await sha1Hex(profile.email) });\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, profile.peerId, cs.fabricUsage.multiplex, await sha1Hex(roomName));\n}\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\nconst userID = '営業本部 第二営業部 法人営業課 関東エリア担当 主任 山田太郎 (やまだ たろう) 東京都港区芝浦三丁目 芝浦オフィス九階勤務 在宅勤務用ノートパソコン 二台目 予備機 社員番号四八二一 正社員';\ncs.initialize('381956532', 'app-secret', userID);\n",
        errors: [
          {
            messageId: "bytes",
            data: {
              label: "userID",
              bytes: 262,
              chars: 98,
              limit: 256
            },
            line: 2,
            column: 16,
            endLine: 2,
            endColumn: 116,
            suggestions: [
              {
                desc: "Replace the value with its SHA-1 hex digest",
                output: "const cs = new callstats();\nconst userID = '92109172ed3dff02c0de937a94e7c66566505204';\ncs.initialize('381956532', 'app-secret', userID);\n"
              },
              {
                desc: "Truncate the literal to the limit",
                output: "const cs = new callstats();\nconst userID = '営業本部 第二営業部 法人営業課 関東エリア担当 主任 山田太郎 (やまだ たろう) 東京都港区芝浦三丁目 芝浦オフィス九階勤務 在宅勤務用ノートパソコン 二台目 予備機 社員番号四八二一 正';\ncs.initialize('381956532', 'app-secret', userID);\n"
              }
            ]
          }
        ]
      },
      {
        code: "const cs = new callstats();\nconst ROOM_PREFIX = 'https://meet.example.com/rooms/';\nconst SERIES = 'engineering-all-hands-for-the-platform-infrastructure-and-developer-experience-groups-with-guests-from-security-and-support-monthly-recurring-series-hosted-by-the-office-of-the-cto-in-the-berlin-lisbon-toronto-and-singapore-offices';\nconst conferenceID = ROOM_PREFIX + SERIES;\n\ncs.initialize('381956532', 'app-secret', 'alice');\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, conferenceID);\n",
        errors: [
          {
            messageId: "bytes",
            data: {
              label: "conferenceID",
              bytes: 262,
              chars: 262,
              limit: 256
            },
            line: 4,
            column: 22,
            endLine: 4,
            endColumn: 42,
            suggestions: [
              {
                desc: "Replace the value with its SHA-1 hex digest",
                output: "const cs = new callstats();\nconst ROOM_PREFIX = 'https://meet.example.com/rooms/';\nconst SERIES = 'engineering-all-hands-for-the-platform-infrastructure-and-developer-experience-groups-with-guests-from-security-and-support-monthly-recurring-series-hosted-by-the-office-of-the-cto-in-the-berlin-lisbon-toronto-and-singapore-offices';\nconst conferenceID = '23bef9e9b74728d40be428d979d4eca3d69b4cd7';\n\ncs.initialize('381956532', 'app-secret', 'alice');\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, conferenceID);\n"
              }
            ]
          }
        ]
      }
    ]
  },
  "id-unicode": {
    valid: [
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'José');\n\nexport function join(roomName, peerId) {\n  const conferenceID = roomName.normalize('NFC').replace(/[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]/g, '').trim();\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceID);\n}\n",
      "const cs = new callstats();\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'Design Review');\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice ');\n\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'meet.example.com/design\\u200Breview');\n",
        output: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\n\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'meet.example.com/designreview');\n",
        errors: [
          {
            messageId: "trailingSpace",
            data: {
              label: "userID"
            },
            line: 2,
            column: 42,
            endLine: 2,
            endColumn: 50
          },
          {
            messageId: "invisible",
            data: {
              label: "conferenceID",
              code: "U+200B"
            },
            line: 5,
            column: 54,
            endLine: 5,
            endColumn: 91
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'Jose\\u0301');\n",
        output: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'José');\n",
        errors: [
          {
            messageId: "notNfc",
            data: {
              label: "userID",
              example: "\"é\""
            },
            line: 2,
            column: 42,
            endLine: 2,
            endColumn: 54
          }
        ]
      }
    ]
  },
  "reinit-on-userid-change": {
    valid: [
      "const cs = new callstats();\nlet localUserID = 'guest-7f3a';\ncs.initialize('381956532', 'app-secret', localUserID);\n\nexport function onLogin(user) {\n  localUserID = user.id;\n  cs.initialize('381956532', 'app-secret', localUserID);\n}\n",
      "import { io } from 'socket.io-client';\n\nconst cs = new callstats();\nconst socket = io('wss://signal.example.com');\n\nclass CallStats {\n  userID = undefined;\n\n  start(userID) {\n    if (userID === this.userID) return;\n    this.userID = userID;\n    cs.initialize('381956532', 'app-secret', userID);\n  }\n}\n\nconst stats = new CallStats();\nsocket.on('connect', () => stats.start(socket.id));\n"
    ],
    invalid: [
      {
        code: "import { io } from 'socket.io-client';\n\nconst cs = new callstats();\nconst socket = io('wss://signal.example.com');\n\nclass CallStats {\n  started = false;\n\n  start(userID) {\n    if (this.started) return;\n    cs.initialize('381956532', 'app-secret', userID);\n    this.started = true;\n  }\n}\n\nconst stats = new CallStats();\nsocket.on('connect', () => stats.start(socket.id));\n",
        errors: [
          {
            messageId: "earlyReturn",
            data: {
              name: "start"
            },
            line: 10,
            column: 23,
            endLine: 10,
            endColumn: 30
          }
        ]
      },
      {
        code: "const cs = new callstats();\nconst identity = { userID: 'guest-7f3a' };\ncs.initialize('381956532', 'app-secret', identity.userID);\n\nexport function setLocalUserID(newUserID) {\n  identity.userID = newUserID;\n}\n",
        errors: [
          {
            messageId: "reassigned",
            data: {},
            line: 6,
            column: 3,
            endLine: 6,
            endColumn: 30,
            suggestions: [
              {
                desc: "Call initialize() again with the new userID",
                output: "const cs = new callstats();\nconst identity = { userID: 'guest-7f3a' };\ncs.initialize('381956532', 'app-secret', identity.userID);\n\nexport function setLocalUserID(newUserID) {\n  identity.userID = newUserID;\n  cs.initialize('381956532', 'app-secret', identity.userID);\n}\n"
              }
            ]
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'guest-7f3a');\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n\nexport function onLogin(user) {\n  cs.reportUserIDChange(pc, 'room-42', user.id, cs.userIDType.local);\n}\n",
        errors: [
          {
            messageId: "reportUserIdChange",
            data: {},
            line: 7,
            column: 3,
            endLine: 7,
            endColumn: 69,
            suggestions: [
              {
                desc: "Call initialize() again with the new userID",
                output: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'guest-7f3a');\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n\nexport function onLogin(user) {\n  cs.reportUserIDChange(pc, 'room-42', user.id, cs.userIDType.local);\n  cs.initialize('381956532', 'app-secret', user.id);\n}\n"
              }
            ]
          }
        ]
      }
    ]
  },
  "remote-track-association": {
    valid: [
      "const cs = new callstats();\nconst localUserID = 'alice';\ncs.initialize('381956532', 'app-secret', localUserID);\n\nexport async function joinRoom(room, stream, negotiate) {\n  const pc = new RTCPeerConnection();\n  stream.getTracks().forEach((track) => pc.addTrack(track, stream));\n  cs.addNewFabric(pc, 'jvb', cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server });\n  pc.ontrack = ({ streams }) => document.querySelector('#remote').append(streams[0].id);\n  const sources = await negotiate(pc);\n  for (const ssrc of localSsrcs(pc)) cs.associateMstWithUserID(pc, localUserID, room, ssrc, 'camera', 'local-video');\n  for (const source of sources) cs.associateMstWithUserID(pc, source.owner, room, source.ssrc, source.kind, `video-${source.owner}`);\n}\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\nconst localUserID = 'alice';\ncs.initialize('381956532', 'app-secret', localUserID);\n\nexport async function joinRoom(room, stream, negotiate) {\n  const pc = new RTCPeerConnection();\n  stream.getTracks().forEach((track) => pc.addTrack(track, stream));\n  cs.addNewFabric(pc, 'jvb', cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server });\n  pc.ontrack = ({ streams }) => document.querySelector('#remote').append(streams[0].id);\n  await negotiate(pc);\n  for (const ssrc of localSsrcs(pc)) cs.associateMstWithUserID(pc, localUserID, room, ssrc, 'camera', 'local-video');\n}\n",
        errors: [
          {
            messageId: "noRemote",
            data: {},
            line: 9,
            column: 3,
            endLine: 9,
            endColumn: 13
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\n\nexport async function joinRoom(room, negotiate) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, 'jvb', cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server });\n  const sources = await negotiate(pc);\n  for (const source of sources) cs.associateMstWithUserID(pc, 'jvb', room, source.ssrc, 'camera', `video-${source.owner}`);\n}\n",
        errors: [
          {
            messageId: "bridgeId",
            data: {
              value: "\"jvb\""
            },
            line: 8,
            column: 63,
            endLine: 8,
            endColumn: 68
          }
        ]
      }
    ]
  },
  "remote-userid-topology": {
    valid: [
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nexport function callPeer(peerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, 'room-42', { remoteEndpointType: cs.endpointType.peer });\n}\n",
      "const cs = new callstats();\nconst localUserID = 'alice';\ncs.initialize('381956532', 'app-secret', localUserID);\nexport function joinBridge(pc, room, localSsrcs, sources) {\n  cs.addNewFabric(pc, 'jvb-bridge', cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server });\n  for (const ssrc of localSsrcs) cs.associateMstWithUserID(pc, localUserID, room, ssrc, 'camera', 'local-video');\n  for (const source of sources) cs.associateMstWithUserID(pc, source.owner, room, source.ssrc, 'camera', `video-${source.owner}`);\n}\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\nconst localUserID = 'alice';\ncs.initialize('381956532', 'app-secret', localUserID);\nexport function callPeer(peerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, localUserID, cs.fabricUsage.multiplex, 'room-42');\n}\n",
        errors: [
          {
            messageId: "local",
            data: {},
            line: 6,
            column: 23,
            endLine: 6,
            endColumn: 34,
            suggestions: [
              {
                desc: "Use the remote participant's ID (peerId)",
                output: "const cs = new callstats();\nconst localUserID = 'alice';\ncs.initialize('381956532', 'app-secret', localUserID);\nexport function callPeer(peerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, 'room-42');\n}\n"
              }
            ]
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nexport function callPeer(peerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, crypto.randomUUID(), cs.fabricUsage.multiplex, 'room-42');\n}\n",
        errors: [
          {
            messageId: "random",
            data: {},
            line: 5,
            column: 23,
            endLine: 5,
            endColumn: 42,
            suggestions: [
              {
                desc: "Use the remote participant's ID (peerId)",
                output: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nexport function callPeer(peerId) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, 'room-42');\n}\n"
              }
            ]
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nexport function callEveryone(peerIds) {\n  for (const peerId of peerIds) {\n    const pc = new RTCPeerConnection();\n    cs.addNewFabric(pc, 'remote-peer', cs.fabricUsage.multiplex, 'room-42', { remoteEndpointType: cs.endpointType.peer });\n  }\n}\n",
        errors: [
          {
            messageId: "meshConstant",
            data: {
              value: "\"remote-peer\""
            },
            line: 6,
            column: 25,
            endLine: 6,
            endColumn: 38
          }
        ]
      },
      {
        code: "const cs = new callstats();\nconst server = cs.endpointType.server;\ncs.initialize('381956532', 'app-secret', 'alice');\n\nexport function join(room, stream) {\n  const pc = new RTCPeerConnection();\n  stream.getTracks().forEach((track) => pc.addTransceiver(track, { direction: 'sendonly' }));\n  cs.addNewFabric(pc, room.participants[0].id, cs.fabricUsage.multiplex, room.id, { remoteEndpointType: server, fabricTransmissionDirection: cs.transmissionDirection.sendonly });\n  for (const participant of room.participants) {\n    const inbound = new RTCPeerConnection();\n    cs.addNewFabric(inbound, participant.id, cs.fabricUsage.multiplex, room.id, { remoteEndpointType: server, fabricTransmissionDirection: cs.transmissionDirection.receiveonly });\n  }\n}\n",
        errors: [
          {
            messageId: "sendParticipant",
            data: {},
            line: 8,
            column: 23,
            endLine: 8,
            endColumn: 46
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nexport function joinBridge(room, sources) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, room.participants[0].id, cs.fabricUsage.multiplex, room.id, { remoteEndpointType: cs.endpointType.server });\n  for (const source of sources) cs.associateMstWithUserID(pc, source.owner, room.id, source.ssrc, 'camera');\n}\n",
        errors: [
          {
            messageId: "bridgeParticipant",
            data: {},
            line: 5,
            column: 23,
            endLine: 5,
            endColumn: 46
          }
        ]
      }
    ]
  },
  "removed-api": {
    valid: [
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice', (status, message) => {\n  if (status !== 'success') console.warn(message);\n});\ncs.on('preCallTestResults', (status, results) => console.log(status, results));\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n\nexport function onPeerRenamed(newId) {\n  cs.setIdentifiers({ remoteUserID: newId }, pc);\n}\n\npc.addEventListener('iceconnectionstatechange', () => {\n  if (pc.iceConnectionState === 'failed') {\n    cs.reportError(pc, 'room-42', cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));\n  }\n});\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n\nexport function onPeerRenamed(newId) {\n  cs.reportUserIDChange(pc, 'room-42', newId, cs.userIDType.remote);\n}\n",
        errors: [
          {
            messageId: "reportUserIdChange",
            data: {},
            line: 7,
            column: 6,
            endLine: 7,
            endColumn: 24
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\npc.addEventListener('iceconnectionstatechange', () => {\n  if (pc.iceConnectionState === 'failed') cs.sendFabricEvent(pc, cs.fabricEvent.fabricSetupFailed, 'room-42');\n});\n",
        errors: [
          {
            messageId: "fabricSetupFailed",
            data: {},
            line: 6,
            column: 66,
            endLine: 6,
            endColumn: 98
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.on('error', (error) => console.warn(error));\ncs.on('precalltestresults', (status, results) => console.log(status, results));\n",
        errors: [
          {
            messageId: "errorEvent",
            data: {},
            line: 2,
            column: 7,
            endLine: 2,
            endColumn: 14
          },
          {
            messageId: "misspeltEvent",
            data: {
              event: "precalltestresults",
              known: "preCallTestResults"
            },
            line: 3,
            column: 7,
            endLine: 3,
            endColumn: 27,
            suggestions: [
              {
                desc: "Use the event name 'preCallTestResults'",
                output: "const cs = new callstats();\ncs.on('error', (error) => console.warn(error));\ncs.on('preCallTestResults', (status, results) => console.log(status, results));\n"
              }
            ]
          }
        ]
      }
    ]
  },
  "userid-object-shape": {
    valid: [
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', {\n  userName: 'Alice Example',\n  aliasName: 'a94a8fe5',\n  loginID: 'alice',\n});\nconst remote = { userName: 'Bob Example', aliasName: 'bob-7f3a' };\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, remote.aliasName, cs.fabricUsage.multiplex, 'room-42');\n",
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'a94a8fe5');\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', {\n  username: 'Alice Example',\n  aliasName: 'a94a8fe5',\n  role: 'teacher',\n});\n",
        errors: [
          {
            messageId: "misspeltKey",
            data: {
              key: "username",
              known: "userName"
            },
            line: 3,
            column: 3,
            endLine: 3,
            endColumn: 11,
            suggestions: [
              {
                desc: "Use the SDK's spelling of the key",
                output: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', {\n  userName: 'Alice Example',\n  aliasName: 'a94a8fe5',\n  role: 'teacher',\n});\n"
              }
            ]
          },
          {
            messageId: "unknownKey",
            data: {
              key: "role"
            },
            line: 5,
            column: 3,
            endLine: 5,
            endColumn: 7
          }
        ]
      },
      {
        code: "const cs = new callstats();\nconst localUser = { userName: 'Alice Example', aliasName: 4711 };\ncs.initialize('381956532', 'app-secret', localUser);\n",
        errors: [
          {
            messageId: "notString",
            data: {
              field: "aliasName",
              kind: "a number",
              role: "the ID the user is reported under"
            },
            line: 2,
            column: 59,
            endLine: 2,
            endColumn: 63
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst remote = { userName: 'Bob Example', aliasName: 'bob-7f3a' };\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, remote, cs.fabricUsage.multiplex, 'room-42');\n",
        errors: [
          {
            messageId: "remoteObject",
            data: {
              method: "addNewFabric",
              label: "the remoteUserID"
            },
            line: 5,
            column: 21,
            endLine: 5,
            endColumn: 27,
            suggestions: [
              {
                desc: "Pass the aliasName string instead of the object",
                output: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'alice');\nconst remote = { userName: 'Bob Example', aliasName: 'bob-7f3a' };\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, remote.aliasName, cs.fabricUsage.multiplex, 'room-42');\n"
              }
            ]
          }
        ]
      }
    ]
  },
  "userid-privacy": {
    valid: [
      "const cs = new callstats();\n\nasync function sha1Hex(text) {\n  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));\n  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');\n}\n\nexport async function startStats(account) {\n  cs.initialize('381956532', 'app-secret', { userName: account.displayName, aliasName: await sha1Hex(account.email) });\n}\n",
      "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3');\n\nexport function callPeer(room, peer) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peer.id, cs.fabricUsage.multiplex, room.id);\n}\n"
    ],
    invalid: [
      {
        code: "const cs = new callstats();\n\nexport function startStats(account) {\n  cs.initialize('381956532', 'app-secret', account.email);\n}\n",
        errors: [
          {
            messageId: "emailIs",
            data: {
              label: "userID",
              evidence: "account.email"
            },
            line: 4,
            column: 44,
            endLine: 4,
            endColumn: 57
          }
        ]
      },
      {
        code: "const cs = new callstats();\ncs.initialize('381956532', 'app-secret', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3');\n\nexport function callPeer(room, peer) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peer.displayName, cs.fabricUsage.multiplex, room.id);\n}\n",
        errors: [
          {
            messageId: "nameIs",
            data: {
              label: "remoteUserID",
              evidence: "peer.displayName"
            },
            line: 6,
            column: 23,
            endLine: 6,
            endColumn: 39
          }
        ]
      }
    ]
  }
};
