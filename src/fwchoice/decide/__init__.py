"""Deciding: answers to weights, weights to a verdict, and how sure and why."""
