"""The analysis dock's charts: painted with QPainter, the same code on screen and exported."""
