NAME = "layer-two"
