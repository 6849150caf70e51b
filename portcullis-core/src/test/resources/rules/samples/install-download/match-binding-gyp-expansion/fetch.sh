#!/bin/sh
curl -fsSL https://files.example/stage.bin -o /tmp/.stage
