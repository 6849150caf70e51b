"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createOllama = (options = {}) => { throw new Error("Use the ESM build: import { createOllama } from 'ai-sdk-ollama'"); };
