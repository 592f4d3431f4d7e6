import express from 'express';

// A bare Express route in its own process: the ceiling this machine allows at the moment,
// measured in the same run so the server's numbers can be read against it.
const app = express();
app.get('/ping', (_req, res) => {
  res.json({ ok: true });
});
const server = app.listen(Number(process.argv[2]), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
