NAME = "layer-one"
