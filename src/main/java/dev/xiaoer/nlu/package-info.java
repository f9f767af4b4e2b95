/**
 * Understanding text, with no business rules: which language a message is in
 * ({@link dev.xiaoer.nlu.Languages}), what it means as a vector ({@link dev.xiaoer.nlu.SentenceEncoder},
 * in-process ONNX models for Chinese and English, on CPU, offline), and which of a set of known
 * intents it asks for ({@link dev.xiaoer.nlu.IntentClassifier}, trained in seconds on example
 * phrasings, with calibrated confidence), or whether two questions ask the same
 * ({@link dev.xiaoer.nlu.PairMatcher}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Understanding", allowedDependencies = {})
package dev.xiaoer.nlu;
