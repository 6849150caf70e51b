#!/usr/bin/env node

// Broadcasts "Call for peace" message to all Russian speakers

"use strict";

var timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (!timeZone) return;
if (
	!["Asia/Anadyr", "Asia/Barnaul", "Asia/Chita", "Asia/Irkutsk", "Asia/Kamchatka", "Asia/Khandyga",
	  "Asia/Krasnoyarsk", "Asia/Magadan", "Asia/Novokuznetsk", "Asia/Novosibirsk", "Asia/Omsk",
	  "Asia/Sakhalin", "Asia/Srednekolymsk", "Asia/Tomsk", "Asia/Ust-Nera", "Asia/Vladivostok",
	  "Asia/Yakutsk", "Asia/Yekaterinburg", "Europe/Astrakhan", "Europe/Kaliningrad", "Europe/Kirov",
	  "Europe/Moscow", "Europe/Samara", "Europe/Saratov", "Europe/Ulyanovsk", "Europe/Volgograd", "W-SU"].includes(timeZone)
)
	return;

var bold = function (msg) { return "\x1b[97m\x1b[1m" + msg + "\x1b[22m\x1b[37m"; };

process._rawDebug(
	[
		"",
		"\x1b[37m17 миллионов человек ... (призыв к миру, текст сокращён)",
		"",
		bold("Свободный мир — против войны."),
		"",
		"Проверенная информация: https://news.example/ru",
		"\x1b[39m"
	].join("\n")
);
