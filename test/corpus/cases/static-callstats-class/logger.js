// A prefixing logger for the conference module.
const PREFIX = '[conference]';

export const logger = {
  warn: (...args) => console.warn(PREFIX, ...args),
  error: (...args) => console.error(PREFIX, ...args),
};
