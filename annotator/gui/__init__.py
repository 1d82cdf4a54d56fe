"""The Qt desktop app. It observes and calls `annotator.core`; it holds no logic of its own."""
