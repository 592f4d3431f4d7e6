// The fake OpenAI-compatible endpoint lives in shared/testing, so the add-on's tests (which
// may not import the server) can talk to it through the emulator's UrlFetchApp too.
export {
  startFakeOpenAi,
  type FakeOpenAi,
  type FakeOpenAiRequest,
  type FakeReply,
  type ScriptedToolCall,
} from '@mindflow/shared/testing';
