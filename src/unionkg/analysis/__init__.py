"""Analyses over the model graph (no server): how campaigns propagate down the union hierarchy."""
