/** The port `startSimulator` listens on unless told (the server's own; a test keeps them equal). */
export const defaultPort = 4010;
