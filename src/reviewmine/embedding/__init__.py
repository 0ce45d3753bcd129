"""Sentence vectors: the embedders, their ONNX runtime and the store-backed cache."""
